/**
 * The spec's slug: lower case, every run of characters other than a-z and 0-9 becomes one
 * '-', no '-' at either end ("Product WG meeting" → "product-wg-meeting").
 */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Identifiers (`id`, `project`, `cycle`, `role`) as the spec allows them. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
