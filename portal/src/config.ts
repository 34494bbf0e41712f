import * as z from 'zod';

/**
 * What the page needs to know about where it runs, read from `config.json` beside it: written by
 * `buildPortal` for `ancrage serve` (local sign-in, same-origin API) and by the CDK deployment for
 * the cloud (the API URL and the user pool's hosted sign-in).
 */
export const PortalConfigSchema = z.object({
  apiUrl: z.string().min(1),
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({
      mode: z.literal('cognito'),
      /** The user pool's hosted sign-in, `https://<prefix>.auth.<region>.amazoncognito.com`. */
      domain: z.url(),
      clientId: z.string().min(1),
    }),
  ]),
});
export type PortalConfig = z.infer<typeof PortalConfigSchema>;
export type CognitoConfig = Extract<PortalConfig['auth'], { mode: 'cognito' }>;

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return PortalConfigSchema.parse(await response.json());
}
