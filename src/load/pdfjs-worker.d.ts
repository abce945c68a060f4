// The worker module ships without type declarations; it is only handed to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
