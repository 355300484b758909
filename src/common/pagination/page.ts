import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export function toPage<T>(items: T[], total: number, query: { page?: number; limit?: number }): Page<T> {
  return { items, total, page: query.page ?? 1, limit: query.limit ?? 20 };
}

/** The response schema of a paginated list of `item`; extend it to name it: `class CommunePage extends PageOf(CommuneDto) {}`. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ description: 'Page number, from 1', example: 1 })
    page: number;

    @ApiProperty({ description: 'Items per page', example: 20 })
    limit: number;

    @ApiProperty({ description: 'Number of items matching the query, all pages together', example: 1 })
    total: number;
  }
  return PageDto;
}
