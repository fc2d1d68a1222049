"""OpenAPI: document the shared error shape on every operation."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension

ERROR_COMPONENT = "Error"
_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "details", "request_id"],
            "properties": {
                "code": {"type": "string", "example": "validation_error"},
                "message": {"type": "string"},
                "details": {"type": "object", "additionalProperties": True},
                "request_id": {"type": "string"},
            },
        }
    },
}
_DESCRIPTIONS = {
    "400": "Invalid input",
    "401": "Not authenticated",
    "403": "Not allowed",
    "404": "Not found",
    "413": "Body too large",
    "429": "Rate limited",
}


def add_error_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular post-processing hook."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = _ERROR_SCHEMA
    ref = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            secured = operation.get("security") != [{}] and operation.get("security") != []
            codes = ["400", "404", "429"] + (["401", "403"] if secured else [])
            if method in {"post", "put", "patch"}:
                codes.append("413")
            for status in codes:
                responses.setdefault(status, {"description": _DESCRIPTIONS[status]})
            # Views describe their own errors (409, 422, ...) by a description alone;
            # the body is still the shared error shape, so say so.
            for status, response in responses.items():
                if status.startswith(("4", "5")) and not response.get("content"):
                    response["content"] = {"application/json": {"schema": ref}}
    return result


class StrictInputSchema(OpenApiSerializerExtension):
    """A strict input serializer refuses fields it does not know, so its request schema
    says ``additionalProperties: false``: a client (or a fuzzer) built from the schema
    then does not send what the server refuses. Registered by being imported
    (``CoreConfig.ready``)."""

    target_class = "interviewgenius.http.serializers.StrictInputSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: Any) -> Any:
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema
