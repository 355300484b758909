import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiProblemResponses } from '../api/api-problem-responses.decorator';
import { ThrottleGuard } from './throttle.guard';

export const THROTTLE_POLICY = 'candidatures:throttle';

export interface ThrottlePolicy {
  /** Routes sharing a name share their counters (the login, the account forms, the links) */
  name: string;
  /** Body field identifying the account aimed at (login, e-mail), counted on its own besides the address */
  field?: string;
  /**
   * Also counted per logged-in account, on one counter shared by every route that sets it: the routes that check the
   * current password, so a stolen session guesses it no faster than the login form would
   */
  principal?: boolean;
}

/** Limits attempts on this route per client address and, with `field` or `principal`, per account; documents the 429. */
export const Throttled = (policy: ThrottlePolicy) =>
  applyDecorators(SetMetadata(THROTTLE_POLICY, policy), UseGuards(ThrottleGuard), ApiProblemResponses(429));
