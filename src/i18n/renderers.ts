/**
 * One renderer per kind: the shape every language's words take, so a kind that src/trace adds
 * without its words in each language is a type error, not a sentence missing at run time.
 */

/** A function for every `kind` of the union U, taking that kind's own member. */
export type Renderers<U extends { readonly kind: string }> = {
  readonly [K in U['kind']]: (item: Extract<U, { readonly kind: K }>) => string;
};

/** The words for `item`, from the renderer of its kind. */
export function render<U extends { readonly kind: string }>(renderers: Renderers<U>, item: U): string {
  // TypeScript cannot tie `renderers[item.kind]` to item's own member of U (a correlated
  // union); Renderers above is what guarantees they match.
  const renderer = renderers[item.kind as U['kind']] as (item: U) => string;
  return renderer(item);
}
