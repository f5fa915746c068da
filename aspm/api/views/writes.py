"""Create, update and delete through a service: the one path for each change.

A viewset mixes in what it offers and implements the matching hook, which calls the service with
the validated input and the acting user. Services raise Django's ``ValidationError`` (400, field
errors kept) or ``aspm.errors.ConflictError`` (409); the exception handler shapes both.
"""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response


class _Output:
    def output(self, obj, *, status_code=status.HTTP_200_OK) -> Response:
        serializer = self.serializer_class(obj, context=self.get_serializer_context())
        return Response(serializer.data, status=status_code)


class ServiceCreateMixin(_Output):
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        obj = self.create_with_service(serializer.validated_data)
        return self.output(obj, status_code=status.HTTP_201_CREATED)

    def create_with_service(self, data: dict):
        raise NotImplementedError


class ServiceUpdateMixin(_Output):
    def update(self, request, *args, partial: bool = False, **kwargs):
        obj = self.get_object()  # 404 for another partnership's record, then 403 without the right
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        obj = self.update_with_service(obj, serializer.validated_data)
        return self.output(obj)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def update_with_service(self, obj, data: dict):
        raise NotImplementedError


class ServiceDestroyMixin:
    def destroy(self, request, *args, **kwargs):
        obj = self.get_object()
        self.destroy_with_service(obj)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def destroy_with_service(self, obj) -> None:
        raise NotImplementedError
