//! Staff and admin accounts: create, rename, change the role, deactivate, set a new password.
//! These take effect at once (they are not part of the draft).

use leptos::prelude::*;
use willkommen_api::account_rules::{
    DISPLAY_NAME_LENGTH, MIN_PASSWORD_CHARS, PASSWORD_LENGTH, USERNAME_LENGTH, USERNAME_PATTERN,
};
use willkommen_api::{self as json, Role};

use super::console::{Console, Notice};
use crate::api_client::admin;
use crate::i18n::I18n;

#[component]
pub fn Accounts() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let accounts = RwSignal::new(Vec::<json::Account>::new());
    let load = move || {
        leptos::task::spawn_local(async move {
            match admin::fetch_accounts().await {
                Ok(list) => accounts.set(list),
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    load();
    let replace = move |updated: json::Account| {
        accounts.update(|list| {
            if let Some(slot) = list.iter_mut().find(|a| a.id == updated.id) {
                *slot = updated;
            }
        })
    };
    view! {
        <section aria-labelledby="accounts-heading">
            <h1 id="accounts-heading">{move || i18n.t("admin-section-accounts")}</h1>
            <table class="admin-table">
                <caption>{move || i18n.t("admin-accounts-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("staff-username")}</th>
                        <th scope="col">{move || i18n.t("admin-display-name")}</th>
                        <th scope="col">{move || i18n.t("admin-role")}</th>
                        <th scope="col">{move || i18n.t("admin-account-state")}</th>
                        <th scope="col">{move || i18n.t("admin-new-password")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || accounts.get() key=|a| (a.id, a.role, a.active, a.display_name.clone()) let:account>
                        <AccountRow account on_change=Callback::new(replace)/>
                    </For>
                </tbody>
            </table>
            <NewAccountForm on_created=Callback::new(move |_| load())/>
        </section>
    }
}

#[component]
fn AccountRow(account: json::Account, on_change: Callback<json::Account>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let id = account.id;
    let change = move |change: json::AccountChange| {
        console.run(async move {
            match admin::change_account(id, &change).await {
                Ok(updated) => {
                    on_change.run(updated);
                    console.notice.set(Some(Notice::Done(i18n.t("admin-account-saved"))));
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    let password = RwSignal::new(String::new());
    let set_password = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new = password.get_untracked();
        console.run(async move {
            match admin::reset_password(id, &new).await {
                Ok(()) => {
                    password.set(String::new());
                    console.notice.set(Some(Notice::Done(i18n.t("admin-password-set"))));
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    let role_id = format!("role-{id}");
    let name_id = format!("name-{id}");
    let password_id = format!("password-{id}");
    let active = account.active;
    let username = account.username.clone();
    // An office account's name and role come from the identity provider at each sign-in.
    let office = account.office_account;
    view! {
        <tr class:inactive=!active>
            <th scope="row">
                {account.username.clone()}
                {office.then(|| view! { <br/><span class="admin-office-account">{move || i18n.t("admin-office-account")}</span> })}
            </th>
            <td>
                <label class="visually-hidden" for=name_id.clone()>{move || i18n.t("admin-display-name")}</label>
                <input id=name_id maxlength=*DISPLAY_NAME_LENGTH.end() prop:value=account.display_name.clone() readonly=office
                    on:change=move |event| change(json::AccountChange { display_name: Some(event_target_value(&event)), ..Default::default() })/>
            </td>
            <td>
                <label class="visually-hidden" for=role_id.clone()>{move || i18n.t("admin-role")}</label>
                <select id=role_id disabled=office on:change=move |event| {
                    let role = Role::from_stored(&event_target_value(&event));
                    change(json::AccountChange { role: Some(role), ..Default::default() })
                }>
                    <RoleOptions selected=account.role/>
                </select>
            </td>
            <td>
                <span>{move || i18n.t(if active { "admin-active" } else { "admin-inactive" })}</span>" "
                <button type="button" on:click=move |_| change(json::AccountChange { active: Some(!active), ..Default::default() })>
                    {move || i18n.t(if active { "admin-deactivate" } else { "admin-activate" })}
                    <span class="visually-hidden">" "{username.clone()}</span>
                </button>
            </td>
            <td>
                {(!office).then(|| view! {
                <form class="admin-inline-form" on:submit=set_password>
                    <label class="visually-hidden" for=password_id.clone()>{move || i18n.t("admin-new-password")}</label>
                    <input id=password_id type="password" autocomplete="new-password" minlength=MIN_PASSWORD_CHARS maxlength=*PASSWORD_LENGTH.end() required bind:value=password/>
                    <button type="submit">{move || i18n.t("admin-set-password")}</button>
                </form>
                })}
            </td>
        </tr>
    }
}

#[component]
fn NewAccountForm(on_created: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let (username, display_name, password) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let role = RwSignal::new("staff".to_owned());
    let create = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new = json::NewAccount {
            username: username.get_untracked().trim().to_lowercase(),
            display_name: display_name.get_untracked(),
            role: Role::from_stored(&role.get_untracked()),
            password: password.get_untracked(),
        };
        console.run(async move {
            match admin::create_account(&new).await {
                Ok(_) => {
                    username.set(String::new());
                    display_name.set(String::new());
                    password.set(String::new());
                    console.notice.set(Some(Notice::Done(i18n.t("admin-account-created"))));
                    on_created.run(());
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    view! {
        <form class="admin-group admin-new-account" on:submit=create>
            <h2>{move || i18n.t("admin-account-new")}</h2>
            <div class="admin-field">
                <label for="new-username">{move || i18n.t("staff-username")}</label>
                <input id="new-username" autocomplete="off" required minlength=*USERNAME_LENGTH.start() maxlength=*USERNAME_LENGTH.end() pattern=USERNAME_PATTERN bind:value=username/>
                <p class="admin-help">{move || i18n.t("admin-username-help")}</p>
            </div>
            <div class="admin-field">
                <label for="new-display-name">{move || i18n.t("admin-display-name")}</label>
                <input id="new-display-name" required maxlength=*DISPLAY_NAME_LENGTH.end() bind:value=display_name/>
            </div>
            <div class="admin-field">
                <label for="new-role">{move || i18n.t("admin-role")}</label>
                <select id="new-role" on:change=move |event| role.set(event_target_value(&event))>
                    <RoleOptions selected=Role::Staff/>
                </select>
            </div>
            <div class="admin-field">
                <label for="new-password">{move || i18n.t("staff-password")}</label>
                <input id="new-password" type="password" autocomplete="new-password" required minlength=MIN_PASSWORD_CHARS maxlength=*PASSWORD_LENGTH.end() bind:value=password/>
            </div>
            <button type="submit" class="primary-button" disabled=move || console.busy.get()>{move || i18n.t("admin-account-create")}</button>
        </form>
    }
}

/// One option per role, `selected` chosen.
#[component]
fn RoleOptions(selected: Role) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    [(Role::Staff, "admin-role-staff"), (Role::Admin, "admin-role-admin"), (Role::Statistics, "admin-role-statistics")]
        .into_iter()
        .map(|(role, label)| view! { <option value=role.as_str() selected=role == selected>{move || i18n.t(label)}</option> })
        .collect_view()
}
