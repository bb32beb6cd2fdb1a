// Placeholder: the element work replaces this with the full string table.
export type UiStrings = Record<string, string>;
