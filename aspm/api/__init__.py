"""The JSON API under ``/api/v1/`` (Django REST framework, OpenAPI schema by drf-spectacular).

It adds no second path for any change: reads go through ``partnerships.access`` and the apps'
selectors, writes through the apps' services. To add a resource of a partnership:

1. a serializer in ``serializers/<subject>.py`` (read) and, for writes, an input serializer;
2. a ``base.PartnershipViewSet`` subclass in ``views/<subject>.py`` with ``perms`` (action ->
   ``Perm``), ``get_base_queryset()`` (a selector), a ``filterset_class`` and, for writes,
   ``perform_create``/``perform_update`` calling the service;
3. one ``router.register(...)`` line in ``urls.py``;
4. ``API_MATRIX`` and ``OBJECT_KWARGS`` entries in ``tests/access_registry/<subject>.py`` — the API
   isolation walk (``tests/test_api_isolation.py``) fails for a route nobody registered.
"""
