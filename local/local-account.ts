/** The region and account the local runtime pretends to be in: ARNs and SDK clients need one. */
export const LOCAL_REGION = 'eu-central-1';
export const LOCAL_ACCOUNT = '000000000000';
