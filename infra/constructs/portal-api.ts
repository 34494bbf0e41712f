import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  PORTAL_API_ROUTES,
  type PortalRoute,
  type PortalRouteKey,
  PUBLIC_SURVEY_ROUTES,
  type PublicSurveyRouteKey,
  routeKeyOf,
} from '../../shared/contracts/portal-api.ts';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../../shared/contracts/roles.ts';

/** The contract's methods, as CDK names them. */
const METHODS: Readonly<Record<PortalRoute['method'], HttpMethod>> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PUT: HttpMethod.PUT,
};

interface Throttle {
  /** Requests per second, steady. */
  readonly rate: number;
  readonly burst: number;
}

/** A public survey route's limits: the supplier's form, open to anyone who holds a link. */
const PUBLIC_FORM: Throttle = { rate: 5, burst: 10 };

/**
 * Throttling of the `$default` stage, for all callers together (an HTTP API has no per-client quota):
 * a ceiling on cost and on load from a stolen token or a runaway script, far above what a few dozen
 * officers click. Each route has a bucket of its own, so a flood of one never slows the others.
 * Tighter on the routes that start work elsewhere or write much: signing an upload (each upload is an
 * ingest of up to 15 minutes), asking for a rebuild (each is a report build, one at a time), opening
 * a survey (up to 200 invitations written at once), importing answers (a CSV of up to 1 MB) and
 * reminding a supplier (an e-mail sent through Amazon SES when configured: SES's sandbox sends one a
 * second, and each counts against the account's daily quota).
 *
 * The survey's form is the only thing anyone can reach without signing in: a supplier opens it once
 * or twice, so 5 requests a second (10 at once) per route is far above real use, while a script
 * hammering it costs at most that many short invocations; the token is unguessable, so the limit is
 * about cost, not about guessing (docs/security.md, "Supplier surveys").
 */
export const API_THROTTLING: {
  readonly default: Throttle;
  readonly routes: Readonly<Partial<Record<PortalRouteKey | PublicSurveyRouteKey, Throttle>>>;
} = {
  default: { rate: 20, burst: 40 },
  routes: {
    'POST /uploads': { rate: 2, burst: 5 },
    'POST /reports/rebuild': { rate: 1, burst: 2 },
    'POST /surveys': { rate: 2, burst: 5 },
    'POST /surveys/answers': { rate: 1, burst: 2 },
    'POST /surveys/{key}/reminder': { rate: 1, burst: 5 },
    'GET /survey/{token}': PUBLIC_FORM,
    'POST /survey/{token}': PUBLIC_FORM,
    'POST /survey/{token}/withdraw': PUBLIC_FORM,
  },
};

/**
 * The portal's API: an HTTP API whose every route requires a user of the pool; a user carries the
 * anchor (institution) they work for, which the handlers use to fence their data. The supplier
 * survey's form alone is public: the token in its path is its authorisation.
 */
export class PortalApi extends Construct {
  readonly api: HttpApi;
  readonly userPool: UserPool;
  /** The app client whose tokens the authorizer accepts: the web portal signs in through it. */
  readonly client: UserPoolClient;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly handler: NodejsFunction; readonly logRetention: RetentionDays },
  ) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { anchor: new StringAttribute({ mutable: false, minLen: 1, maxLen: 64 }) },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-COG2',
        reason:
          'MFA (authenticator app) is offered to every user; requiring it is the deploying collectivité’s choice.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-COG3',
        reason:
          'Cognito threat protection is a paid plan; the pool has no self sign-up and users are created by an administrator.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is a paid option left to the deploying collectivité: a few administrator-created users do not need it by default.',
      },
    );
    // Membership is given by an administrator (README, "Create users"); tokens carry it in `cognito:groups`.
    this.userPool.addGroup('ConsortiumAdministrators', {
      groupName: CONSORTIUM_ADMINISTRATORS_GROUP,
      description:
        "Members upload consortium-wide files (a département's DECP extract naming every buyer) that count for every anchor.",
    });
    this.client = this.userPool.addClient('Portal', {
      authFlows: { userSrp: true },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    const authorizer = new HttpUserPoolAuthorizer('Users', this.userPool, { userPoolClients: [this.client] });
    // No CORS here: only the portal's origin may call from a browser, and that rule is set once the
    // portal's distribution exists (infra/constructs/portal-origin-cors.ts says why).
    this.api = new HttpApi(this, 'Api', { defaultAuthorizer: authorizer });
    const integration = new HttpLambdaIntegration('Handler', props.handler);
    // The route list the handler and the local server of `ancrage serve` read too: they cannot drift.
    const routes = new Map<string, HttpRoute>();
    for (const route of PORTAL_API_ROUTES) {
      const [added] = this.api.addRoutes({ path: route.path, methods: [METHODS[route.method]], integration });
      if (added) routes.set(routeKeyOf(route), added);
    }
    // The survey's form, answered by the same function: a supplier has no account, the unguessable,
    // expiring token in the path is checked by the handler before anything is read or written. Same
    // origin as the HTML it serves, so no CORS is needed (or given) for it.
    const open = new HttpNoneAuthorizer();
    for (const route of PUBLIC_SURVEY_ROUTES) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [METHODS[route.method]],
        integration,
        authorizer: open,
      });
      if (!added) continue;
      routes.set(routeKeyOf(route), added);
      // Acknowledged on these routes only: every other route keeps the finding, and so its authorizer.
      Validations.of(added).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          "The supplier survey's form: suppliers have no account; the unguessable, expiring token in the path is the authorisation, checked by the handler (docs/security.md, Supplier surveys). Throttled tighter than any other route.",
      });
    }
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        sourceIp: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
        user: '$context.authorizer.claims.sub',
      }),
    };
    stage.defaultRouteSettings = {
      throttlingRateLimit: API_THROTTLING.default.rate,
      throttlingBurstLimit: API_THROTTLING.default.burst,
    };
    stage.routeSettings = Object.fromEntries(
      Object.entries(API_THROTTLING.routes).map(([key, limits]) => {
        const route = routes.get(key);
        if (!route) throw new Error(`throttling names ${key}, which is not a route of the API`);
        // A stage's route settings name routes that must exist first.
        stage.node.addDependency(route);
        // A JSON map in CloudFormation: CDK passes it through, so its keys are CloudFormation's.
        return [key, { ThrottlingRateLimit: limits.rate, ThrottlingBurstLimit: limits.burst }];
      }),
    );
  }
}
