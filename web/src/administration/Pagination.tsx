import Button from 'react-bootstrap/Button';
import Stack from 'react-bootstrap/Stack';

/** Previous and next page of a paginated list of the API (`page`, `limit`, `total`), with where the reader is. */
export function Pagination({ page, limit, total, libelle, onPage }: { page: number; limit: number; total: number; libelle: string; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav aria-label={libelle} className="mb-4">
      <Stack direction="horizontal" gap={2} className="flex-wrap">
        <Button variant="outline-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Page précédente
        </Button>
        <span>
          Page {page} sur {pages}
        </span>
        <Button variant="outline-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Page suivante
        </Button>
      </Stack>
    </nav>
  );
}
