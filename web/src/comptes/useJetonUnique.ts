import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The `token` of a mail's link, sent once to the API when the page opens (a token is single-use: React's double
 * effects in development, or a re-render, must not send it twice).
 */
export function useJetonUnique(envoyer: (token: string) => void): string | null {
  const [params] = useSearchParams();
  const token = params.get('token');
  const envoye = useRef(false);
  useEffect(() => {
    if (token && !envoye.current) {
      envoye.current = true;
      envoyer(token);
    }
  }, [token, envoyer]);
  return token;
}
