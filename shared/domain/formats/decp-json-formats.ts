/** The two DECP JSON layouts, recognised by their shape rather than a header. */
export const DECP_JSON_FORMATS = {
  v1: {
    id: 'decp-json-v1',
    label: 'DECP JSON (format 2019, {"marches": [...]})',
    labelFr: 'DECP JSON (format 2019, {"marches": [...]})',
    kind: 'contracts',
    currency: 'EUR',
  },
  v2: {
    id: 'decp-json-v2',
    label: 'DECP JSON (format 2024, {"marches": {"marche": [...]}})',
    labelFr: 'DECP JSON (format 2024, {"marches": {"marche": [...]}})',
    kind: 'contracts',
    currency: 'EUR',
  },
} as const;
