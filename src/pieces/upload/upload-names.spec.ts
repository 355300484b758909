import { sanitizeFileName } from './receive-upload';
import { contentDisposition } from './send-file';

describe('file names of uploads and downloads', () => {
  it('keeps only the base name, without control characters, 200 characters at most', () => {
    expect(sanitizeFileName('C:\\Users\\moi\\Relevé de notes.pdf')).toBe('Relevé de notes.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('a\u0000b\r\nc\u0085.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName(`${'é'.repeat(250)}.pdf`)).toHaveLength(200);
    expect(sanitizeFileName('')).toBe('fichier');
    expect(sanitizeFileName(undefined)).toBe('fichier');
  });

  it('drops the bidirectional marks that disguise an extension, on upload and on download', () => {
    expect(sanitizeFileName('ok.pdf\u202Egpj.exe')).toBe('ok.pdfgpj.exe');
    expect(sanitizeFileName('\u2066a\u2069\u200Eb\u200F\u202Ac\u202C.pdf')).toBe('abc.pdf');
    expect(contentDisposition('ok.pdf\u202Egpj.exe')).toBe(`attachment; filename="ok.pdfgpj.exe"; filename*=UTF-8''ok.pdfgpj.exe`);
  });

  it('writes Content-Disposition as an attachment with an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('cv.pdf')).toBe(`attachment; filename="cv.pdf"; filename*=UTF-8''cv.pdf`);
    expect(contentDisposition('Lettre "motivée"; v2 (100%).pdf')).toBe(
      `attachment; filename="Lettre _motiv_e__ v2 (100_).pdf"; filename*=UTF-8''Lettre%20%22motiv%C3%A9e%22%3B%20v2%20%28100%25%29.pdf`,
    );
  });
});
