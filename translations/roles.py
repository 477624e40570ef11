"""The portal's roles: Editors, Moderators and one Translators group per
language, with their Wagtail permissions and the moderation workflow.

`apply_roles(apps)` is idempotent and works with the historical app registry
of a migration as well as with the real one (post_migrate, new home pages):
the data migration creates the groups on every fresh site, and the post_migrate
handler (re)applies what depends on things created later (snippet models'
permissions, language home pages)."""

from django.conf import settings

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]
MODEL_PERMISSIONS = {
    # (app_label, model, codename)
    EDITORS: [("wagtailadmin", "admin", "access_admin")]
    + [("wagtail_localize", "translation", "submit_translation")]
    + [(a, m, f"{verb}_{m}") for a, m in MEDIA for verb in ("add", "change", "choose")],
    MODERATORS: [("wagtailadmin", "admin", "access_admin")]
    + [("wagtail_localize", "translation", "submit_translation")]
    + [
        (a, m, f"{verb}_{m}")
        for a, m in MEDIA
        for verb in ("add", "change", "choose", "delete")
    ],
    "translators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
# Snippet permissions per role (applied to every registered snippet model;
# translators only get `change` on translatable ones, limited to their
# language by translations.wagtail_hooks).
SNIPPET_VERBS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "delete", "publish", "lock", "unlock"],
    "translators": ["change"],
}


def translator_group_name(code):
    return f"Translators ({code})"


def translation_languages():
    return [
        code
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def group_names():
    return [EDITORS, MODERATORS] + [
        translator_group_name(code) for code in translation_languages()
    ]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission = Permission.objects.filter(
        content_type=content_type, codename=codename
    ).first()
    if permission is None:
        permission = Permission.objects.create(
            content_type=content_type, codename=codename, name=codename
        )
    return permission


def _grant_page_permissions(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=page.pk,
            permission=_permission(apps, "wagtailcore", "page", codename),
        )


def apply_translator_home_permissions(apps, home_page=None):
    """Give each Translators (xx) group add/change on the language home pages
    (depth 2) of its locale; with `home_page`, only that page."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    homes = Page.objects.filter(depth=2).select_related("locale")
    if home_page is not None:
        homes = homes.filter(pk=home_page.pk)
    for home in homes:
        code = home.locale.language_code
        if code == settings.LANGUAGE_CODE:
            continue
        group = Group.objects.filter(name=translator_group_name(code)).first()
        if group is not None:
            _grant_page_permissions(apps, group, home, TRANSLATOR_PAGE_PERMISSIONS)


def apply_workflow(apps):
    """The moderation workflow on every page: Wagtail's default "Moderators
    approval" workflow on the tree root, its task approved by Moderators."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return None
    moderators = Group.objects.get(name=MODERATORS)
    assignment = WorkflowPage.objects.filter(page_id=root.pk).first()
    if assignment is not None:
        workflow = Workflow.objects.get(pk=assignment.workflow_id)
    else:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowPage.objects.create(workflow=workflow, page_id=root.pk)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task_ids = WorkflowTask.objects.filter(workflow=workflow).values_list(
        "task_id", flat=True
    )
    tasks = list(GroupApprovalTask.objects.filter(pk__in=list(task_ids)))
    if not tasks:
        task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
        if task is None:
            content_type, _ = ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )
            task = GroupApprovalTask.objects.create(
                name=WORKFLOW_NAME, active=True, content_type=content_type
            )
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
        tasks = [task]
    for task in tasks:
        task.groups.add(moderators)
    return workflow


def apply_snippet_workflow(apps, workflow, snippet_models):
    """The same moderation workflow on every snippet model that has one (the
    snippets visitors see): an editor's or translator's change is a draft
    until a moderator approves it."""
    from wagtail.models import WorkflowMixin

    if workflow is None:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for model in snippet_models:
        if not issubclass(model, WorkflowMixin):
            continue
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        WorkflowContentType.objects.get_or_create(
            content_type_id=content_type.pk, defaults={"workflow_id": workflow.pk}
        )


def apply_snippet_permissions(apps, snippet_models):
    """Snippet permissions for the registered snippet models (real models only:
    the list of snippets is known at run time, after every app's migrations)."""
    from wagtail.models import DraftStateMixin, LockableMixin, TranslatableMixin

    Group = apps.get_model("auth", "Group")
    for model in snippet_models:
        meta = model._meta
        translatable = issubclass(model, TranslatableMixin)
        for role, verbs in SNIPPET_VERBS.items():
            if role == "translators":
                if not translatable:
                    continue
                groups = Group.objects.filter(name__startswith="Translators (")
            else:
                groups = Group.objects.filter(name=role)
            for verb in verbs:
                codename = f"{verb}_{meta.model_name}"
                if verb == "publish" and not issubclass(model, DraftStateMixin):
                    continue
                if verb in ("lock", "unlock") and not issubclass(model, LockableMixin):
                    continue
                permission = _permission(
                    apps, meta.app_label, meta.model_name, codename
                )
                for group in groups:
                    group.permissions.add(permission)


def apply_roles(apps, snippet_models=()):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in group_names()}
    for name, group in groups.items():
        role = name if name in (EDITORS, MODERATORS) else "translators"
        for app_label, model, codename in MODEL_PERMISSIONS[role]:
            permission = _permission(apps, app_label, model, codename)
            group.permissions.add(permission)
            if (app_label, model) in MEDIA and root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for name in (EDITORS, MODERATORS):
            _grant_page_permissions(apps, groups[name], root, PAGE_PERMISSIONS[name])
        # Editors never publish, whatever an older setup gave them.
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        GroupPagePermission.objects.filter(
            group=groups[EDITORS], permission__codename="publish_page"
        ).delete()
    apply_translator_home_permissions(apps)
    workflow = apply_workflow(apps)
    apply_snippet_workflow(apps, workflow, snippet_models)
    apply_snippet_permissions(apps, snippet_models)
    return groups
