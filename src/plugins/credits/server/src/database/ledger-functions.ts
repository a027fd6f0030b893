/**
 * The ledger's write path as two PostgreSQL functions, so a credit movement is one round trip (the
 * pgledger approach) instead of BEGIN, lock, key lookup, write, COMMIT.
 *
 * - `credit_apply` is the arithmetic of domain/balance.ts, transcribed. The TypeScript stays the
 *   specification: tests/api/credits/arithmetic.api.test.ts runs both over long random sequences and
 *   requires identical balances, entries and refusals. Change one, change the other.
 * - `credit_move` locks the account row, checks the idempotency key, applies `credit_apply` and
 *   writes the operation, its ledger rows, the hold and the balance. It never raises for a business
 *   refusal (insufficient credits, key conflict, settled hold): it returns a status and writes
 *   nothing, so a caller's outer transaction stays usable and a retry after a top-up can succeed.
 *
 * Why the key lookup is safe without a transaction around the call: the function is VOLATILE, so
 * under READ COMMITTED each statement in it takes a fresh snapshot. The lookup runs after the row
 * lock is granted and therefore sees an operation committed by whoever held the lock before; two
 * concurrent calls with the same key serialise on the lock and the second replays the first. The
 * UNIQUE (account_id, idempotency_key) constraint stays as the last line of defence.
 *
 * Sums that can exceed integer (plan + bonus with a billion in each) are computed in bigint.
 */
/**
 * The ledger rows one pool's change makes, as a jsonb array (empty when the change is zero), written
 * out inline as SQL text. Not a SQL function on purpose: PL/pgSQL cannot keep a plan for a call to a
 * non-inlined SQL function across transactions, so such a call was parsed and planned again in every
 * movement (about 60 µs of a debit's ~350 µs inside the database).
 */
const entry = (pool: string, amount: string, balanceAfter: string) =>
  `(CASE WHEN (${amount}) = 0 THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('pool', ${pool}, 'amount', ${amount}, 'balanceAfter', ${balanceAfter})) END)`;

/**
 * `credit_move`'s parameters, in order, with their types: written once for both functions' declarations
 * and for the calls that cast their bindings to them (`MOVE_STATEMENT`, the ledger's strict call).
 */
export const MOVE_PARAMS: ReadonlyArray<readonly [name: string, type: string]> = [
  ['p_account', 'integer'], ['p_key', 'text'], ['p_verb', 'text'], ['p_hash', 'text'], ['p_type', 'text'],
  ['p_amount', 'integer'], ['p_pool', 'text'], ['p_hold_id', 'bigint'],
  ['p_reason', 'text'], ['p_reference_type', 'text'], ['p_reference_id', 'text'], ['p_actor', 'text'],
  ['p_operation', 'text'], ['p_ttl', 'double precision'], ['p_settle_status', 'text'], ['p_usage', 'jsonb'],
];
const DECLARED = MOVE_PARAMS.map(([name, type]) => `${name} ${type}`).join(', ');

/** SQLSTATE of `credit_move_strict`'s refusal (a code of our own, outside PostgreSQL's classes). */
export const MOVE_REFUSED_SQLSTATE = 'IGC01';

export const LEDGER_FUNCTIONS = [
  // Earlier versions built entries with this helper; nothing calls it any more.
  `DROP FUNCTION IF EXISTS credit_entry(text, integer, integer)`,

  // verb: grant | spend | adjust | reset | reserve | release | capture (the operation kinds).
  // amount: the credits moved (reset: the plan target; capture: the real cost).
  // hold: the amount of the hold being released or captured.
  // Refusal: needed and available are set, the balance is returned unchanged and entries is empty.
  `CREATE OR REPLACE FUNCTION credit_apply(
     plan integer, bonus integer, held integer, verb text, amount integer, pool text DEFAULT NULL, hold integer DEFAULT 0,
     OUT new_plan integer, OUT new_bonus integer, OUT new_held integer, OUT entries jsonb, OUT needed bigint, OUT available bigint)
   LANGUAGE plpgsql IMMUTABLE AS $$
   DECLARE
     free bigint;
     in_pool integer;
     from_plan integer;
   BEGIN
     new_plan := plan; new_bonus := bonus; new_held := held; entries := '[]';
     IF verb = 'capture' AND amount = 0 THEN verb := 'release'; END IF;
     IF verb = 'adjust' AND amount > 0 THEN verb := 'grant'; END IF;
     CASE verb
       -- Debits first: a CASE tries its WHENs in order, and each one tried is an expression PL/pgSQL
       -- prepares again in every transaction.
       WHEN 'spend', 'capture' THEN
         IF amount IS NULL OR amount <= 0 THEN RAISE EXCEPTION 'amount must be a positive integer, got %', amount USING ERRCODE = '22023'; END IF;
         IF verb = 'spend' THEN hold := 0; END IF;
         IF hold IS NULL OR hold < 0 OR hold > held THEN RAISE EXCEPTION 'cannot release % of % held', hold, held USING ERRCODE = '22023'; END IF;
         -- A capture first stops holding its own hold, which becomes spendable for this debit.
         free := greatest(0, plan::bigint + bonus - (held - hold));
         IF amount > free THEN needed := amount; available := free; RETURN; END IF;
         from_plan := least(plan, amount);
         new_plan := plan - from_plan;
         new_bonus := bonus - (amount - from_plan);
         new_held := held - hold;
         entries := ${entry(`'plan'`, `-from_plan`, `new_plan`)} || ${entry(`'bonus'`, `-(amount - from_plan)`, `new_bonus`)};
       WHEN 'grant' THEN
         IF amount IS NULL OR amount <= 0 THEN RAISE EXCEPTION 'amount must be a positive integer, got %', amount USING ERRCODE = '22023'; END IF;
         IF pool = 'plan' THEN new_plan := plan + amount; ELSE new_bonus := bonus + amount; END IF;
         entries := ${entry(`pool`, `amount`, `CASE WHEN pool = 'plan' THEN new_plan ELSE new_bonus END`)};
       WHEN 'adjust' THEN
         IF amount IS NULL OR amount = 0 THEN RAISE EXCEPTION 'amount must be a non-zero integer, got %', amount USING ERRCODE = '22023'; END IF;
         in_pool := CASE WHEN pool = 'plan' THEN plan ELSE bonus END;
         IF -amount > in_pool THEN needed := -amount; available := in_pool; RETURN; END IF;
         IF pool = 'plan' THEN new_plan := plan + amount; ELSE new_bonus := bonus + amount; END IF;
         entries := ${entry(`pool`, `amount`, `CASE WHEN pool = 'plan' THEN new_plan ELSE new_bonus END`)};
       WHEN 'reset' THEN
         IF amount IS NULL OR amount < 0 THEN RAISE EXCEPTION 'target must be a non-negative integer, got %', amount USING ERRCODE = '22023'; END IF;
         new_plan := amount;
         entries := ${entry(`'plan'`, `amount - plan`, `amount`)};
       WHEN 'reserve' THEN
         IF amount IS NULL OR amount <= 0 THEN RAISE EXCEPTION 'amount must be a positive integer, got %', amount USING ERRCODE = '22023'; END IF;
         free := greatest(0, plan::bigint + bonus - held);
         IF amount > free THEN needed := amount; available := free; RETURN; END IF;
         new_held := held + amount;
       WHEN 'release' THEN
         IF hold IS NULL OR hold < 0 OR hold > held THEN RAISE EXCEPTION 'cannot release % of % held', hold, held USING ERRCODE = '22023'; END IF;
         new_held := held - hold;
       ELSE
         RAISE EXCEPTION 'unknown credit verb %', verb USING ERRCODE = '22023';
     END CASE;
   END $$`,

  // Returns {status, ...}: ok {result} | replayed {result} | conflict {holdStatus} | insufficient
  // {needed, available} | no_account | no_hold | hold_state {holdStatus}.
  `CREATE OR REPLACE FUNCTION credit_move(${DECLARED})
   RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
   DECLARE
     acct record;
     prev record;
     h record;
     m record;
     hold_amount integer := 0;
     new_hold_id bigint;
     v_result jsonb;
   BEGIN
     -- NO KEY UPDATE, not UPDATE: a caller's transaction that inserted rows referencing this account holds
     -- FOR KEY SHARE on it (foreign-key check); FOR UPDATE conflicts with that, so two such transactions
     -- capturing for the same account deadlocked (AI runs saving content, then capturing, 8 at a time).
     SELECT plan_credits AS plan, bonus_credits AS bonus, held_credits AS held INTO acct FROM accounts WHERE id = p_account FOR NO KEY UPDATE;
     IF NOT FOUND THEN RETURN jsonb_build_object('status', 'no_account'); END IF;

     SELECT request_hash, result INTO prev FROM credit_operations WHERE account_id = p_account AND idempotency_key = p_key;
     IF FOUND THEN
       IF prev.request_hash <> p_hash THEN
         RETURN jsonb_build_object('status', 'conflict', 'holdStatus',
           (SELECT status FROM credit_holds WHERE id = p_hold_id AND account_id = p_account));
       END IF;
       RETURN jsonb_build_object('status', 'replayed', 'result', prev.result);
     END IF;

     IF p_verb IN ('capture', 'release') THEN
       SELECT amount, status INTO h FROM credit_holds WHERE id = p_hold_id AND account_id = p_account;
       IF NOT FOUND THEN RETURN jsonb_build_object('status', 'no_hold'); END IF;
       IF h.status <> 'held' THEN RETURN jsonb_build_object('status', 'hold_state', 'holdStatus', h.status); END IF;
       hold_amount := h.amount;
     END IF;

     -- An assignment, not SELECT ... FROM credit_apply(...): no function scan and its tuplestore.
     m := credit_apply(acct.plan, acct.bonus, acct.held, p_verb, p_amount, p_pool, hold_amount);
     IF m.needed IS NOT NULL THEN
       RETURN jsonb_build_object('status', 'insufficient', 'needed', m.needed, 'available', m.available);
     END IF;

     IF p_verb = 'reserve' THEN
       INSERT INTO credit_holds (account_id, amount, operation, reference_type, reference_id, expires_at)
       VALUES (p_account, p_amount, p_operation, p_reference_type, p_reference_id, now() + make_interval(secs => p_ttl))
       RETURNING id INTO new_hold_id;
     ELSIF p_verb = 'capture' THEN
       UPDATE credit_holds SET status = 'captured', captured = p_amount, settled_at = now() WHERE id = p_hold_id;
       IF p_usage IS NOT NULL THEN
         INSERT INTO credit_usage_logs (account_id, operation, credits, usd_cost, provider, model, input_tokens, output_tokens, key_source, record_type, record_id, hold_id, duration_ms)
         SELECT p_account, u.operation, p_amount, coalesce(u."usdCost", 0), u.provider, u.model, u."inputTokens", u."outputTokens", u."keySource", u."recordType", u."recordId", p_hold_id, u."durationMs"
           FROM jsonb_to_record(p_usage) AS u(operation text, "usdCost" numeric, provider text, model text, "inputTokens" integer, "outputTokens" integer,
                                                "keySource" text, "recordType" text, "recordId" text, "durationMs" integer);
       END IF;
     ELSIF p_verb = 'release' THEN
       UPDATE credit_holds SET status = p_settle_status, settled_at = now() WHERE id = p_hold_id;
     END IF;

     v_result := jsonb_build_object(
       'balance', jsonb_build_object('plan', m.new_plan, 'bonus', m.new_bonus, 'held', m.new_held,
                                     'available', greatest(0, m.new_plan::bigint + m.new_bonus - m.new_held)),
       'entries', m.entries);
     IF new_hold_id IS NOT NULL THEN v_result := v_result || jsonb_build_object('holdId', new_hold_id); END IF;

     -- The three writes as one statement: each PL/pgSQL statement pays its own executor start-up.
     -- Reserve and release have no entries, so no ledger row.
     WITH op AS (
       INSERT INTO credit_operations (account_id, idempotency_key, kind, request_hash, result)
       VALUES (p_account, p_key, p_verb, p_hash, v_result) RETURNING id
     ), ledger_rows AS (
       INSERT INTO credit_transactions (account_id, operation_id, pool, amount, balance_after, type, reason, reference_type, reference_id, actor)
       SELECT p_account, op.id, e->>'pool', (e->>'amount')::integer, (e->>'balanceAfter')::integer, p_type, p_reason, p_reference_type, p_reference_id, p_actor
         -- At most two entries (plan, then bonus); a VALUES list avoids a set-returning function scan.
         FROM op, (VALUES (m.entries->0), (m.entries->1)) AS v(e) WHERE e IS NOT NULL
     )
     UPDATE accounts SET plan_credits = m.new_plan, bonus_credits = m.new_bonus, held_credits = m.new_held WHERE id = p_account;
     RETURN jsonb_build_object('status', 'ok', 'result', v_result);
   END $$`,

  // credit_move for a caller's own single statement (an AI run's save: results, run log and capture in
  // one round trip): a refusal must roll that whole statement back, so here it raises, with the answer
  // as DETAIL (SQLSTATE MOVE_REFUSED_SQLSTATE); the ledger's `captureInStatement` turns it back into
  // the error `capture` throws.
  `CREATE OR REPLACE FUNCTION credit_move_strict(${DECLARED})
   RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
   DECLARE r jsonb;
   BEGIN
     r := credit_move(${MOVE_PARAMS.map(([name]) => name).join(', ')});
     IF r->>'status' NOT IN ('ok', 'replayed') THEN
       RAISE EXCEPTION 'credit_move refused: %', r->>'status' USING ERRCODE = '${MOVE_REFUSED_SQLSTATE}', DETAIL = r::text;
     END IF;
     RETURN r;
   END $$`,
];
