import { z } from 'zod';
import { DocumentSchema } from '../src/model/schema';
try {
  const s = z.toJSONSchema(DocumentSchema, { io: 'input', unrepresentable: 'any' });
  console.log(JSON.stringify(s, null, 1));
} catch (e) { console.log('ERR', e); }
