interface CfnTemplate {
  readonly Resources?: Record<
    string,
    { readonly Properties?: unknown; readonly DependsOn?: string | string[] }
  >;
}

/** Every resource a value names: `Ref`, `Fn::GetAtt` and `Fn::Sub` placeholders. */
function referencedNames(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedNames(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else if (key === 'Fn::GetAtt')
        into.add(Array.isArray(inner) ? String(inner[0]) : (String(inner).split('.')[0] ?? ''));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        for (const [, name] of String(text).matchAll(/\$\{([^}.!]+)/g)) if (name) into.add(name);
        if (Array.isArray(inner)) referencedNames(inner[1], into);
      }
      referencedNames(inner, into);
    }
  }
  return into;
}

/**
 * A dependency cycle between the resources of one template, as a path of logical ids, or undefined.
 * CDK synthesises such a template without complaint; CloudFormation refuses it at deploy time.
 */
export function findDependencyCycle(template: CfnTemplate): string[] | undefined {
  const resources = template.Resources ?? {};
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    const names = referencedNames(resource.Properties, new Set());
    for (const dependency of [resource.DependsOn ?? []].flat()) names.add(dependency);
    edges.set(
      id,
      [...names].filter((name) => name in resources),
    );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
