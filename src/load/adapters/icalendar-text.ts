// iCalendar text (RFC 5545 §3.1) → its components, each a list of unfolded content lines that
// remember where they start in the original file. Kept free of ical.js so that recognising a
// calendar costs nothing: the remote loader asks before anything heavy is loaded.

const BOM = '\uFEFF';

/** Text whose first line is BEGIN:VCALENDAR (after an optional byte-order mark and blank lines). */
export function isCalendarText(text: string): boolean {
  const start = text.startsWith(BOM) ? 1 : 0;
  return /^[ \t\r\n]*BEGIN:VCALENDAR[ \t]*(\r?\n|$)/i.test(text.slice(start, start + 64));
}

/** One logical content line: folded continuations joined, with the place its name starts. */
export interface ContentLine {
  text: string;
  line: number;
  column: number;
}

/** A component between BEGIN:<name> and END:<name>, with its nested components. */
export interface RawComponent {
  name: string;
  /** Its own lines, BEGIN and END included, nested components excluded. */
  lines: ContentLine[];
  children: RawComponent[];
  /** Every line from BEGIN to END, nested ones included, for ical.js. */
  all: ContentLine[];
  line: number;
}

/**
 * Unfolds RFC 5545 folding (CRLF or LF followed by one space or tab), keeping the 1-based line
 * of each logical line's first physical line.
 */
export function unfold(text: string): ContentLine[] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const physical = body.split(/\r?\n|\r/);
  const lines: ContentLine[] = [];
  physical.forEach((raw, index) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) {
      lines[lines.length - 1]!.text += raw.slice(1);
      return;
    }
    if (raw.trim() === '') return;
    lines.push({ text: raw, line: index + 1, column: 1 });
  });
  return lines;
}

const BEGIN = /^BEGIN:([A-Za-z0-9-]+)\s*$/i;
const END = /^END:([A-Za-z0-9-]+)\s*$/i;

/** The top-level components (normally one VCALENDAR); unbalanced END lines are ignored. */
export function splitComponents(lines: readonly ContentLine[]): RawComponent[] {
  const roots: RawComponent[] = [];
  const open: RawComponent[] = [];
  for (const line of lines) {
    const begin = BEGIN.exec(line.text);
    if (begin) {
      const component: RawComponent = { name: begin[1]!.toUpperCase(), lines: [line], children: [], all: [], line: line.line };
      (open.length > 0 ? open[open.length - 1]!.children : roots).push(component);
      open.push(component);
      for (const enclosing of open) enclosing.all.push(line);
      continue;
    }
    const end = END.exec(line.text);
    if (end && open.some((component) => component.name === end[1]!.toUpperCase())) {
      for (const enclosing of open) enclosing.all.push(line);
      // Closes the innermost component of that name; anything opened inside it closes too.
      let closed: RawComponent | undefined;
      do {
        closed = open.pop();
        closed?.lines.push(line);
      } while (closed !== undefined && closed.name !== end[1]!.toUpperCase());
      continue;
    }
    if (open.length === 0) continue;
    open[open.length - 1]!.lines.push(line);
    for (const enclosing of open) enclosing.all.push(line);
  }
  return roots;
}

/** Whether the text went on to an END line for the component (it does not when the text is cut short). */
export function isClosed(component: RawComponent): boolean {
  return component.lines.length > 1 && END.test(component.lines[component.lines.length - 1]!.text);
}

/** The name of a content line (before its first ';' or ':'), upper case. */
export function propertyName(line: string): string {
  const match = /^[^;:]*/.exec(line);
  return match![0].trim().toUpperCase();
}

/**
 * Repairs what real clients write and ical.js refuses, so that one odd property does not cost
 * a whole event: Exchange's `BYDAY=MO, TU` (spaces in a rule), and Google's valueless
 * `EXDATE;VALUE=DATE:` (which means nothing and makes ical.js's iterator throw).
 * Returns null for a line to drop.
 */
export function repairLine(text: string): string | null {
  const name = propertyName(text);
  if (name === 'RRULE' || name === 'EXRULE') return text.replace(/\s*([,;=])\s*/g, '$1').replace(/\s+$/, '');
  if ((name === 'EXDATE' || name === 'RDATE') && valueOf(text).trim() === '') return null;
  return text;
}

/** The value of a content line: after the first ':' outside a quoted parameter value. */
export function valueOf(line: string): string {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return line.slice(index + 1);
  }
  return '';
}
