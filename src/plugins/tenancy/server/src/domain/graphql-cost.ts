import { Kind, type DocumentNode, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';

export interface GraphqlCost {
  aliases: number;
  fields: number;
}

/**
 * Counts the aliases and field selections of a parsed operation, fragments expanded (each fragment once
 * per spread, cycles cut). Depth is limited separately by the GraphQL plugin's `depthLimit`; this stops
 * the width attacks depth limits miss: one query asking for the same expensive field under 500 aliases.
 */
export const graphqlCost = (document: DocumentNode): GraphqlCost => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost: GraphqlCost = { aliases: 0, fields: 0 };
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        cost.fields += 1;
        if (selection.alias) cost.aliases += 1;
        visit(selection.selectionSet, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        visit(fragment?.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, new Set());
  }
  return cost;
};
