import { OptionalInt } from '../validation/decorators';

export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  /** Page number, from 1 @example 1 */
  @OptionalInt(1, 1_000_000)
  page?: number = 1;

  /** Items per page, 200 at most @example 20 */
  @OptionalInt(1, MAX_PAGE_SIZE)
  limit?: number = 20;
}
