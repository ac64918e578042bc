from community.views._placeholder import not_yet as collection_list  # noqa
from community.views._placeholder import not_yet as create_collection  # noqa
from community.views._placeholder import not_yet as add_material  # noqa
from community.views._placeholder import not_yet as collection_detail  # noqa
from community.views._placeholder import not_yet as edit_collection  # noqa
from community.views._placeholder import not_yet as delete_collection  # noqa
from community.views._placeholder import not_yet as download_zip  # noqa
from community.views._placeholder import not_yet as change_item  # noqa
