import type { ChangedFile } from "../types.js";

/** Changed-file lists from GitHub's pull request files and compare endpoints, mapped to `ChangedFile`. */

export interface RawFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/** GitHub's documented cap on the pull request files list. */
export const PR_FILES_CAP = 3000;
/** GitHub's documented cap on the files of a compare response. */
export const COMPARE_FILES_CAP = 300;

/** The note a review carries when GitHub's 3,000-file cap cut the pull request's file list. */
export const PR_FILE_CAP_NOTE = "GitHub lists at most 3,000 changed files; files beyond that were not reviewed";

/** A listed file as a `ChangedFile`; null for one GitHub lists as unchanged. */
export function mapFile(file: RawFile): ChangedFile | null {
  switch (file.status) {
    case "added":
    case "copied":
      return { path: file.filename, status: "added" };
    case "removed":
      return { path: file.filename, status: "removed" };
    case "renamed":
      return file.previous_filename
        ? { path: file.filename, status: "renamed", previousPath: file.previous_filename }
        : { path: file.filename, status: "added" };
    case "unchanged":
      return null;
    default:
      return { path: file.filename, status: "modified" };
  }
}
