import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
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
import { PORTAL_API_ROUTES, type PortalRoute } from '../../shared/contracts/portal-api.ts';

/** The contract's methods, as CDK names them. */
const METHODS: Readonly<Record<PortalRoute['method'], HttpMethod>> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PUT: HttpMethod.PUT,
};

/**
 * The portal's API: an HTTP API whose every route requires a user of the pool; a user carries the
 * anchor (institution) they work for, which the handlers use to fence their data.
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
    this.client = this.userPool.addClient('Portal', {
      authFlows: { userSrp: true },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    const authorizer = new HttpUserPoolAuthorizer('Users', this.userPool, { userPoolClients: [this.client] });
    this.api = new HttpApi(this, 'Api', {
      corsPreflight: {
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT],
        allowHeaders: ['authorization', 'content-type'],
        allowOrigins: ['*'],
        maxAge: Duration.hours(1),
      },
      defaultAuthorizer: authorizer,
    });
    const integration = new HttpLambdaIntegration('Handler', props.handler);
    // The route list the handler and the local server of `ancrage serve` read too: they cannot drift.
    for (const { method, path } of PORTAL_API_ROUTES) {
      this.api.addRoutes({ path, methods: [METHODS[method]], integration });
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
        routeKey: '$context.routeKey',
        status: '$context.status',
        user: '$context.authorizer.claims.sub',
      }),
    };
  }
}
