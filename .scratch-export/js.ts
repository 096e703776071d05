import { formatJsonSchemaText } from '../src/export/json-schema';
process.stdout.write(formatJsonSchemaText());
