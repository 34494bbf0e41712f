export const HELP = `ancrage — where public procurement money goes, and to whom (Community Wealth Building)

Usage
  ancrage analyze <file>... [options]   analyse your own files and write one report
  ancrage inspect <file> [--mapping <profile.json>]
                                        what Ancrage sees in a file: encoding, delimiter, header,
                                        format, column mapping, first lines read (nothing stored)
  ancrage territory init --epci <siren> | --commune <code> | --departement <code>
                         [--id <id>] [--out <file>]
                                        write a territory file from the official geography, its
                                        rings each holding the one inside; refuses a bundled
                                        territory's id (pass --id) and an existing file
  ancrage territory show <id|file>      list a territory's rings and communes
  ancrage registry load <file>... --state <dir> [--directory-of <anchor>]
                                        load SIRENE stock files (or, with --directory-of, an anchor's
                                        supplier directory) into a local state folder
  ancrage registry fetch --from <base URL or folder> --state <dir> [--force]
                                        keep from INSEE's SIRENE stock (StockEtablissement_utf8 and
                                        StockUniteLegale_utf8, .parquet, .zip, .csv.gz or .csv) the
                                        suppliers the datasets of the state folder name, their head
                                        offices and legal units, and count the local rings' active
                                        establishments; unchanged files are not read again unless
                                        --force (docs/registry.md)
  ancrage supplier set <key> --reason "…" --state <dir> [--type <type>] [--commune <insee>]
                       [--postcode <cp>] [--country <cc>] [--head-office-commune <insee>] [--by <name>]
                       [--natural-person yes|no]
                                        correct a supplier's type, location or whether it is a
                                        natural person (kept with who, when, why and the previous value)
  ancrage supplier show <key> --state <dir>
                                        a supplier's profile, the source of each fact, its corrections
  ancrage lines <supplier> --state <dir> [--dataset <id>] [--limit 50] [--offset 0]
                                        the lines behind a supplier's figure (its key, SIRET or part
                                        of its name): file and line number, date, amount, flags
  ancrage demo [--out <dir>]            the bundled sample data, end to end (what \`npm start\` runs)
  ancrage serve [--port 8080] [--state <dir>] [--static <dir>] [--territory <id>]
                                        the web portal on http://127.0.0.1:<port> over the sample
                                        data (\`npm start -- serve\` too); --port 0 picks a free port,
                                        --static serves a built front end; Ctrl-C stops it
  ancrage migrate-lines --state <dir> | --table <name> --bucket <uploads bucket>
                                        once after upgrading: move the lines an earlier version
                                        stored in the table into line files, in a state folder or
                                        a deployed stack (your AWS credentials; docs/operations.md)
  ancrage users add --user-pool <id> --email <address> --anchor <id> [--admin] [--config <file>]
                                        create an officer's account in a deployed stack's user pool,
                                        bound for good to an anchor of the territory its configuration
                                        names (default infra/config/default.json); --admin makes them
                                        a consortium administrator; Cognito e-mails a first password
  ancrage users disable --user-pool <id> --email <address>
                                        stop an account signing in (it is kept, never deleted)
  ancrage users list --user-pool <id>   every account: anchor, status, enabled, MFA, administrator
  ancrage restore-table --from <restored table> --to <table> [--delete-extra] [--segments 4]
                        [--endpoint <url>]
                                        after a point-in-time recovery into a new table, copy its
                                        items back into the stack's table; items only there are kept
                                        and counted, or deleted with --delete-extra (docs/deploy.md)
  ancrage --help                        this help

Every command runs the same ingest and report functions that run in AWS Lambda, against an embedded
local stack (in-process DynamoDB and S3 emulators): no AWS account, nothing leaves the machine.
Only users, restore-table and migrate-lines --table work on a deployed stack, with your AWS credentials.

analyze options
  --out <dir>                 where to write report.json, report.html and the CSV exports (required)
  --territory <id|path>       a bundled territory id or a territory JSON file
                              (default: grenoble-alpes-metropole)
  --kind payments|contracts   what the files are; a file of the other kind is refused.
                              One report covers one kind: payments and contracts are never added up.
  --anchor <id>               the institution uploading the files: their lines count for it and the
                              satellites the territory declares for it, and a line naming another
                              buyer is rejected (default: consortium, the consortium administrator,
                              whose files count for every buyer they name)
  --lang fr|en                the report's language (default: the territory's)
  --registry <file>           a SIRENE StockEtablissement or StockUniteLegale file (whole or an
                              extract with the same header, plain or .gz); repeatable
  --directory <file>          the anchor's supplier directory (name → SIRET / company number,
                              postcode, country, type); repeatable
  --state <dir>               keep the local stack in this folder between runs: the report then
                              covers every dataset stored there, with its registry facts and corrections
  --mapping <profile.json>    a mapping profile for a layout Ancrage does not recognise
                              (see docs/formats.md; \`ancrage inspect\` helps write one)

Recognised files (by their content, whatever their name)
  DECP JSON (2019 and 2024 formats), DECP flattened CSV (decp.info tabular), DECP exports of
  data.economie.gouv.fr, UK "spend over £500" CSV, French finance-software payment extracts
  (mandats); anything else through a mapping profile. Encodings UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252;
  separators ; , tab |.

Exit status
  0  the report was written (some lines may have been rejected: the summary says how many, and the
     rejects CSV beside the report gives each line number and reason)
  1  a file was rejected whole, or the report could not be built (the reason is printed)
  2  a wrong argument or a missing file

Examples
  npx ancrage analyze mandats-2025.csv --out out/mandats-2025
  npx ancrage analyze decp-2024.csv --kind contracts --lang en --out out/decp
`;

/** The usage lines of one command (`territory` gives both `territory init` and `territory show`). */
export function usageOf(command: string): string {
  const usage = HELP.split('\n\n')[1]?.split('\n').slice(1) ?? [];
  const picked: string[] = [];
  let inCommand = false;
  for (const line of usage) {
    if (line.startsWith('  ancrage '))
      inCommand = line.startsWith(`  ancrage ${command} `) || line === `  ancrage ${command}`;
    if (inCommand) picked.push(line);
  }
  return picked.join('\n');
}
