/**
 * Cloud Outbound Mailer API base URLs by region
 * (https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer, "Cloud Outbound Mailer API Endpoint";
 * the gov cloud: https://api-gov.ncloud-docs.com/docs/ai-application-service-cloudoutboundmailer).
 */
export const REGION_BASE_URLS = {
  KR: 'https://mail.apigw.ntruss.com/api/v1',
  SGN: 'https://mail.apigw.ntruss.com/api/v1-sgn',
  JPN: 'https://mail.apigw.ntruss.com/api/v1-jpn',
  GOV: 'https://mail.apigw.gov-ntruss.com/api/v1',
} as const;

export type Region = keyof typeof REGION_BASE_URLS;

export const REGIONS = Object.keys(REGION_BASE_URLS) as Region[];

export function isRegion(name: string): name is Region {
  return (REGIONS as string[]).includes(name);
}
