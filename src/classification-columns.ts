/**
 * The key (column) names a classification record's text is read by, in order of preference:
 * detection recognises a CSV by them and the scan reads the text from the first one present.
 */
export const CLASSIFICATION_TEXT_KEYS: readonly string[] = [
  "text",
  "sentence",
  "utterance",
  "query",
  "input",
  "content",
  "description",
  "review",
  "comment",
  "message",
  "question",
  "title",
  "body",
  "document",
  "tweet",
  "headline",
];
