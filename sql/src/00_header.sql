-- aibiz 0.3.0: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit
