/** A plan field that caps how many records of a type an account may hold. */
export interface PlanLimitDefinition {
  uid: string;
  /** Field on Plan holding the cap; null or missing means unlimited. */
  planField: string;
  /** Singular and plural nouns for the 403 message ("site" / "sites"). */
  noun: [string, string];
}

export interface PlanLimitCheck {
  allowed: boolean;
  limit: number | null;
  used: number;
}

export const checkPlanLimit = ({ limit, used, adding = 1 }: { limit: number | null | undefined; used: number; adding?: number }): PlanLimitCheck => {
  const cap = typeof limit === 'number' && Number.isFinite(limit) ? limit : null;
  return { allowed: cap === null || used + adding <= cap, limit: cap, used };
};

export const planLimitMessage = ({ definition, planName, limit }: { definition: PlanLimitDefinition; planName: string; limit: number }) =>
  `Plan limit reached: the ${planName} plan allows ${limit} ${limit === 1 ? definition.noun[0] : definition.noun[1]} ` +
  `(${definition.planField}). Upgrade the plan or remove one first.`;
