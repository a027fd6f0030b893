import { Kind, type DocumentNode, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';

export interface GraphqlCost {
  aliases: number;
  fields: number;
}

/**
 * Counts the aliases and field selections of a parsed operation, fragments expanded (each fragment once
 * per spread, cycles cut). Depth is limited separately by the GraphQL plugin's `depthLimit`; this stops
 * the width attacks depth limits miss: one query asking for the same expensive field under 500 aliases.
 *
 * Each fragment's cost is computed once and reused for every spread, so a chain of fragments that each
 * spread the next twice costs 2^n without being walked 2^n times (this runs before GraphQL validation).
 * A spread that closes a cycle counts nothing; GraphQL validation rejects such documents anyway.
 */
export const graphqlCost = (document: DocumentNode): GraphqlCost => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const known = new Map<string, GraphqlCost>();
  const add = (total: GraphqlCost, part: GraphqlCost) => {
    total.aliases += part.aliases;
    total.fields += part.fields;
  };
  const fragmentCost = (name: string, expanding: Set<string>): GraphqlCost => {
    const cached = known.get(name);
    if (cached) return cached;
    if (expanding.has(name)) return { aliases: 0, fields: 0 };
    expanding.add(name);
    const cost = selectionCost(fragments.get(name)?.selectionSet, expanding);
    expanding.delete(name);
    known.set(name, cost);
    return cost;
  };
  const selectionCost = (set: SelectionSetNode | undefined, expanding: Set<string>): GraphqlCost => {
    const cost: GraphqlCost = { aliases: 0, fields: 0 };
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        cost.fields += 1;
        if (selection.alias) cost.aliases += 1;
        add(cost, selectionCost(selection.selectionSet, expanding));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(cost, selectionCost(selection.selectionSet, expanding));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        add(cost, fragmentCost(selection.name.value, expanding));
      }
    }
    return cost;
  };
  const total: GraphqlCost = { aliases: 0, fields: 0 };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) add(total, selectionCost(definition.selectionSet, new Set()));
  }
  return total;
};
