-- Create the extension once; later test files use it.
CREATE EXTENSION aibiz;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'aibiz';
