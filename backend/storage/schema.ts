/** Names of what the backend stores in InfluxDB (documented in the README and used by alert rules). */
export const COUNTS_MEASUREMENT = 'mail_counts';
export const LIMITS_MEASUREMENT = 'mail_limits';
