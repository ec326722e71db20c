-- aibiz 0.4.0: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit
