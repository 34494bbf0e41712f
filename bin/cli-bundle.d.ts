/** The URL of an up-to-date bundle of the CLI, built if needed; undefined when none can be had. */
export declare function bundledCli(project?: {
  readonly root: string;
  readonly entry: string;
}): Promise<string | undefined>;
