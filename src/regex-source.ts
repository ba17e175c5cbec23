import { z } from "zod";

/** A string that compiles as a JavaScript regular expression (lexicons and signatures in `rules/`). */
export const regexSource = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");
