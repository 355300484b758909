import { useId } from 'react';
import Card from 'react-bootstrap/Card';

/** A part of a desk page: a card whose <h2> names its region (found by its title, read out as a landmark). */
export function Section({ titre, children }: { titre: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Card as="section" className="mb-4" aria-labelledby={id}>
      <Card.Body>
        <h2 id={id} className="h4">
          {titre}
        </h2>
        {children}
      </Card.Body>
    </Card>
  );
}
