/**
 * A CloudFormation string value as text, its tokens written `${Logical.Attr}` or `${Ref:Logical}`, so
 * a test can read a value CDK built from deploy-time parts (an `Fn::Join`) as one string.
 */
export function renderTokens(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if ('Ref' in record) return `\${Ref:${String(record.Ref)}}`;
    if ('Fn::GetAtt' in record) return `\${${[record['Fn::GetAtt']].flat().join('.')}}`;
    if ('Fn::Join' in record) {
      const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
      return parts.map(renderTokens).join(separator);
    }
  }
  return JSON.stringify(value);
}

/** The SDK call of a CDK `AwsCustomResource` (its `Create` or `Update` property), parsed. */
export function sdkCallOf(
  resource: { readonly [key: string]: unknown },
  when: 'Create' | 'Update' | 'Delete',
) {
  const properties = resource.Properties as Readonly<Record<string, unknown>>;
  return JSON.parse(renderTokens(properties[when])) as {
    service: string;
    action: string;
    parameters: Record<string, unknown>;
    region?: string;
  };
}
