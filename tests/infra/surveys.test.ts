import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_THROTTLING } from '../../infra/constructs/portal-api.ts';
import { ENV } from '../../shared/contracts/environment.ts';
import { PORTAL_API_ROUTES, PUBLIC_SURVEY_ROUTES, routeKeyOf } from '../../shared/contracts/portal-api.ts';
import { synthesise } from './synth.ts';
import { only, resources, statementsOfRoles } from './template-queries.ts';

/**
 * The supplier surveys in the stacks: the form's public routes, the API function's geography, and
 * Amazon SES sending, on or off as `surveys.senderEmail` says (docs/deploy.md, "Supplier surveys").
 */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;
let sending: Templates;

const SENDER = 'enquete.fournisseurs@ville.example';
const IDENTITY = `arn:\${Ref:AWS::Partition}:ses:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}:identity`;

beforeAll(() => {
  t = synthesise();
  sending = synthesise({ config: { surveys: { senderEmail: SENDER } } });
});

const PUBLIC_KEYS = PUBLIC_SURVEY_ROUTES.map(routeKeyOf);
const routes = (template: Template) =>
  resources(template, 'AWS::ApiGatewayV2::Route').map(([id, route]) => ({
    id,
    key: route.Properties.RouteKey as string,
    authorization: route.Properties.AuthorizationType as string,
    authorizerId: route.Properties.AuthorizerId as { Ref: string } | undefined,
    target: route.Properties.Target as unknown,
  }));
const apiFunction = (template: Template) =>
  only(resources(template, 'AWS::Lambda::Function').filter(([id]) => /^ApiFunction[A-F0-9]{8}$/.test(id)));
const sesStatements = (template: Template) => {
  const [, fn] = apiFunction(template);
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return statementsOfRoles(template, (logicalId) => logicalId === role).filter((statement) =>
    [statement.Action].flat().some((action: string) => action.startsWith('ses:')),
  );
};
/** Every `ses:` action any role of the stack holds. */
const anySesAction = (template: Template) =>
  JSON.stringify(resources(template, 'AWS::IAM::Policy').map(([, policy]) => policy)).includes('"ses:');

describe("the survey's public form", () => {
  it('has its three routes without an authorizer, on the same integration as every other route', () => {
    const all = routes(t.app);
    const open = all.filter((route) => route.authorization === 'NONE');
    expect(open.map((route) => route.key).sort()).toEqual([...PUBLIC_KEYS].sort());
    for (const route of open) expect(route.authorizerId).toBeUndefined();
    // One integration, the API function's: the form is answered by the same handler.
    expect(new Set(all.map((route) => JSON.stringify(route.target))).size).toBe(1);
    const [integrationId, integration] = only(resources(t.app, 'AWS::ApiGatewayV2::Integration'));
    expect(JSON.stringify(all[0]?.target)).toContain(integrationId);
    expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(apiFunction(t.app)[0]);
  });

  it('keeps every portal route behind the user pool’s JWT authorizer', () => {
    const [authorizerId, authorizer] = only(resources(t.app, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('PortalUsers');
    const byKey = new Map(routes(t.app).map((route) => [route.key, route]));
    for (const key of PORTAL_API_ROUTES.map(routeKeyOf)) {
      expect(byKey.get(key)?.authorization, key).toBe('JWT');
      expect(byKey.get(key)?.authorizerId, key).toEqual({ Ref: authorizerId });
    }
  });

  it('throttles each public route to 5 requests a second, 10 at once, below every other limit', () => {
    const [, stage] = only(resources(t.app, 'AWS::ApiGatewayV2::Stage'));
    for (const key of PUBLIC_KEYS) {
      expect(stage.Properties.RouteSettings[key], key).toEqual({
        ThrottlingRateLimit: 5,
        ThrottlingBurstLimit: 10,
      });
    }
    const publicLimits = Object.entries(API_THROTTLING.routes).filter(([key]) => PUBLIC_KEYS.includes(key));
    expect(publicLimits).toHaveLength(PUBLIC_KEYS.length);
    for (const [, limits] of publicLimits) {
      expect(limits.rate).toBeLessThan(API_THROTTLING.default.rate);
      expect(limits.burst).toBeLessThan(API_THROTTLING.default.burst);
    }
  });

  it('acknowledges cdk-nag’s missing-authorization finding on those three routes only, with the reason', () => {
    const acknowledgements = t.assembly
      .getStackByName('Ancrage-dev-App')
      .findMetadataByType('aws:cdk:acknowledged-rules')
      .flatMap((entry) =>
        Object.entries(entry.data as unknown as Record<string, string>).map(([id, reason]) => ({
          path: entry.path,
          id,
          reason,
        })),
      )
      .filter((entry) => entry.id.endsWith('APIG4'));
    expect(acknowledgements).toHaveLength(PUBLIC_SURVEY_ROUTES.length);
    // Each on a route's own construct (`/…/Portal/Api/GET--survey--{token}`), none on the API or the stack.
    const routePaths = PUBLIC_SURVEY_ROUTES.map(
      (route) => `/Ancrage-dev-App/Portal/Api/${route.method}${route.path.replaceAll('/', '--')}`,
    );
    expect(acknowledgements.map((entry) => entry.path).sort()).toEqual(routePaths.sort());
    for (const { reason } of acknowledgements)
      expect(reason).toMatch(/token in the path is the authorisation/);
  });
});

describe('the API function', () => {
  it('ships the geography tables: survey candidates are classified by ring as a report would', () => {
    const [, fn] = apiFunction(t.app);
    expect(fn.Properties.Environment.Variables[ENV.geographyDirectory]).toBe('/var/task/geography');
  });
});

describe('sending the survey’s e-mails through Amazon SES', () => {
  it('without a sender configured: no sender variable, and no SES right for any role', () => {
    const [, fn] = apiFunction(t.app);
    expect(fn.Properties.Environment.Variables[ENV.surveySender]).toBeUndefined();
    expect(anySesAction(t.app)).toBe(false);
  });

  it('with a sender: the variable, and ses:SendEmail on its identity (address or domain) only, from that address', () => {
    const [, fn] = apiFunction(sending.app);
    expect(fn.Properties.Environment.Variables[ENV.surveySender]).toBe(SENDER);
    expect(sesStatements(sending.app)).toEqual([
      {
        Effect: 'Allow',
        Action: 'ses:SendEmail',
        Resource: [`${IDENTITY}/${SENDER}`, `${IDENTITY}/ville.example`],
        Condition: { StringEquals: { 'ses:FromAddress': SENDER } },
      },
    ]);
    // The API function's role and no other: one policy names SES, and it is attached to that role alone.
    const withSes = resources(sending.app, 'AWS::IAM::Policy').filter(([, policy]) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('"ses:'),
    );
    expect(only(withSes)[1].Properties.Roles).toEqual([{ Ref: fn.Properties.Role['Fn::GetAtt'][0] }]);
  });

  it('refuses a sender that is not an e-mail address, and a key it does not know', () => {
    expect(() => synthesise({ config: { surveys: { senderEmail: 'ville.example' } } })).toThrow(
      /surveys\.senderEmail an e-mail address verified in Amazon SES/,
    );
    expect(() => synthesise({ config: { surveys: { sender: SENDER } } })).toThrow(/surveys/);
  });
});
