/**
 * CommonJS dependencies bundled into an ESM Lambda call require() (the X-Ray SDK under Powertools'
 * tracer, for one); ESM output needs it defined. Shared by the functions' bundling and the bench's.
 */
export const ESM_REQUIRE_BANNER =
  "import{createRequire}from'module';const require=createRequire(import.meta.url);";
