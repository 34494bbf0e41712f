import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/contracts/environment.ts';
import { metricNamespace } from '../../shared/contracts/metrics.ts';
import type { ObservabilityConfig } from '../config.ts';
import { ESM_REQUIRE_BANNER } from '../esm-require-banner.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ProjectFunctionProps {
  /** The folder under functions/, e.g. "ingest". */
  readonly name: string;
  readonly memoryMb: number;
  readonly timeout: Duration;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: RetentionDays;
  /** Names the metrics' namespace (`Ancrage/<stage>`). */
  readonly stage: string;
  readonly observability: ObservabilityConfig;
  /** Ship the geography tables beside the bundle (only the functions that locate suppliers). */
  readonly withGeography?: boolean;
  /** At most this many at once (taken from the account's pool); unbounded when absent. */
  readonly reservedConcurrency?: number;
}

/**
 * How Powertools (logger, metrics, tracer) is told who it runs for, read by Powertools itself (and
 * POWERTOOLS_TRACE_ENABLED by observability.ts, which loads the tracer only where it traces): the
 * service names the `service` dimension and log field, the namespace keeps two stages' metrics apart.
 */
function powertoolsEnvironment(props: ProjectFunctionProps): Record<string, string> {
  return {
    POWERTOOLS_SERVICE_NAME: props.name,
    POWERTOOLS_METRICS_NAMESPACE: metricNamespace(props.stage),
    POWERTOOLS_LOG_LEVEL: props.observability.logLevel,
    // Off, the tracer records nothing even if a caller's trace header asks for it.
    POWERTOOLS_TRACE_ENABLED: String(props.observability.tracing),
  };
}

/**
 * Every function with the house defaults: bundled by the local esbuild (never Docker) as ESM for
 * Node 22 on arm64, AWS SDK from the runtime, an explicit log group with retention, Powertools told
 * its service and namespace, X-Ray as the configuration says.
 */
export class ProjectFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup = logGroup;
    // The project targets Node 22 (its toolchain and tests); a newer runtime is a deliberate upgrade.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the code, the bundler target and the tests are built for; upgrading is a tested change, not a default.',
    });
    if (props.observability.tracing) {
      // Acknowledged only here, where tracing adds it; tests/infra/stacks.test.ts checks that the
      // X-Ray actions are the only ones a function's role holds on "*".
      Validations.of(this).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords take no resource-level permission, AWS documents them on "*".',
      });
    }
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${repoRoot}functions/${props.name}/handler.ts`,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      ...(props.reservedConcurrency === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrency }),
      logGroup,
      tracing: props.observability.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      environment: {
        ...props.environment,
        ...powertoolsEnvironment(props),
        ...(props.withGeography ? { [ENV.geographyDirectory]: '/var/task/geography' } : {}),
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        forceDockerBundling: false,
        externalModules: ['@aws-sdk/*'],
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...(props.withGeography ? [`cp -r "${inputDir}/data/geography" "${outputDir}/geography"`] : []),
            // A worker thread starts from a file of its own: a bundle that names the Parquet encoder's
            // gets it bundled beside index.mjs, where `new URL('./parquet-encoder-worker.mjs', import.meta.url)` finds it.
            `if grep -q parquet-encoder-worker.mjs "${outputDir}/index.mjs"; then "${inputDir}/node_modules/.bin/esbuild" "${inputDir}/shared/adapters/parquet-encoder-worker.mjs" --bundle --platform=node --format=esm --target=node22 --minify --log-level=warning --outfile="${outputDir}/parquet-encoder-worker.mjs"; fi`,
          ],
        },
      },
    });
  }
}
