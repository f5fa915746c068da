"""API serializers, one module per subject. Output serializers are read-only; writes have their
own input serializers whose values go to a service."""
