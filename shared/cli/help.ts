export const HELP = `ancrage — where public procurement money goes, and to whom (Community Wealth Building)

Usage
  ancrage analyze <file>... [options]   analyse your own files and write one report
  ancrage demo [--out <dir>]            the bundled sample data, end to end (what \`npm start\` runs)
  ancrage --help                        this help

Every command runs the same ingest and report functions that run in AWS Lambda, against an embedded
local stack (in-process DynamoDB and S3 emulators): no AWS account, nothing leaves the machine.

analyze options
  --out <dir>                 where to write report.json, report.html and the CSV exports (required)
  --territory <id|path>       a bundled territory id or a territory JSON file
                              (default: grenoble-alpes-metropole)
  --kind payments|contracts   what the files are; a file of the other kind is refused.
                              One report covers one kind: payments and contracts are never added up.
  --anchor <id>               the buyer the files belong to when they do not say (default: local)
  --lang fr|en                the report's language (default: the territory's)

Recognised files (by their header, whatever their name)
  DECP flattened CSV (decp.info tabular), UK "spend over £500" CSV, French finance-software payment
  extracts (mandats). Encodings UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252;
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
