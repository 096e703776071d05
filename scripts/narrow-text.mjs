// Characters one terminal column wide each (with East Asian ambiguous characters narrow, as
// string-width assumes by default): printable ASCII, the middle dot, general punctuation,
// arrows, box drawing and block elements, and the ☾ ⚠ ✖ the dashboard draws. The build gives
// string-width a fast path for text made only of these; test/unit/display-width.test.ts
// checks each one against string-width itself.
export const NARROW_TEXT_SOURCE = '^[\\u0020-\\u007E\\u00B7\\u2010-\\u2027\\u2039\\u203A\\u2190-\\u21FF\\u2500-\\u259F\\u263E\\u26A0\\u2716]*$';
