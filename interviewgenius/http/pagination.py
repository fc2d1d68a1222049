from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    # Caps the work one request can ask for.
    max_page_size = 100
