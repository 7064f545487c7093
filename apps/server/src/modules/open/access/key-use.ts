/**
 * An API key presented with a request to the open data APIs, once it is known to be valid: its id
 * (written to the ledger and the counters), its account, and the datasets the call read, which the
 * services add as they resolve them so the call is counted per dataset.
 */
export type KeyUse = { id: string; accountId: string; datasets: Set<string> };

/** Ledger details naming the key, when a call carried one. */
export const keyDetails = (key: KeyUse | undefined): { api_key?: string } => (key ? { api_key: key.id } : {});
