// Called by the inbound flow with the caller's details; returns a flat string map that the flow reads as
// $.External.<key>. A real contact center would look the caller up in its CRM; this one keeps a small table.
const PREMIUM_PREFIXES = (process.env.PREMIUM_PREFIXES ?? '').split(',').filter(Boolean);

export const handler = async (event) => {
  const caller = event?.Details?.ContactData?.CustomerEndpoint?.Address ?? '';
  const premium = PREMIUM_PREFIXES.some((prefix) => caller.startsWith(prefix));
  return { customerTier: premium ? 'premium' : 'standard' };
};
