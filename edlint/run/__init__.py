"""Running rules: one ``Linter`` per configuration, the ``Runner`` that checks files,
the result cache, worker processes and Dask archives."""
