/** A Hub id as URL path segments (`org/name` → each part escaped, the slash kept). */
export const idPath = (id: string): string => id.split("/").map(encodeURIComponent).join("/");
