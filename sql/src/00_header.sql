-- aibiz 0.2.0: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit
