//! On PostgreSQL, other server instances write too: this instance hears their commits through
//! `LISTEN` and wakes its own live streams, so a phone connected here learns of a call made
//! through another instance. Without it each instance would only see its own writes.

use sqlx::postgres::PgListener;

use super::Store;
use super::backend::{Announcement, Backend, CHANNEL};

impl Store {
    /// Starts listening (PostgreSQL only). Returns once `LISTEN` is in place, so nothing
    /// committed after the server starts serving is missed.
    pub(super) async fn listen_to_other_instances(&self) -> anyhow::Result<()> {
        let Backend::Postgres { url, schema, instance, .. } = &*self.backend else { return Ok(()) };
        let mut listener = PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        let (schema, instance, store) = (schema.clone(), instance.clone(), self.clone());
        let task = tokio::spawn(async move {
            // Whether the connection is lost and not yet back; logged once each way.
            let mut lost = false;
            loop {
                if lost {
                    // Connects again (re-listening) or fails; LISTEN once more proves it.
                    let back = async {
                        listener.unlisten(CHANNEL).await?;
                        listener.listen(CHANNEL).await
                    }
                    .await;
                    match back {
                        Ok(()) => {
                            tracing::info!("hearing other instances again");
                            lost = false;
                            store.caught_up_with_other_instances().await;
                        }
                        Err(_) => tokio::time::sleep(std::time::Duration::from_secs(1)).await,
                    }
                    continue;
                }
                match listener.try_recv().await {
                    Ok(Some(notification)) => match Announcement::parse(notification.payload(), &schema, &instance) {
                        Some(Announcement::Events) => store.changed(),
                        Some(Announcement::Published) => store.reload_published().await,
                        None => {}
                    },
                    // The connection broke and was opened again at once: whatever was
                    // announced meanwhile is lost, so every stream looks again.
                    Ok(None) => {
                        tracing::warn!("the connection that hears other instances broke; it was opened again");
                        store.caught_up_with_other_instances().await;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "cannot hear other instances' changes until the database is back");
                        lost = true;
                    }
                }
            }
        });
        if let Ok(mut slot) = self.listener.lock() {
            *slot = Some(task.abort_handle());
        }
        Ok(())
    }

    /// After notifications may have been missed: every stream looks again, and the kiosks
    /// learn the newest configuration.
    async fn caught_up_with_other_instances(&self) {
        self.changed();
        self.reload_published().await;
    }

    /// Another instance published a configuration: the kiosks' live stream learns its number.
    async fn reload_published(&self) {
        match sqlx::query_scalar::<_, i64>("SELECT COALESCE(MAX(version), 0) FROM config_versions")
            .fetch_one(&self.pool)
            .await
        {
            Ok(newest) => {
                if self.published.send_if_modified(|version| std::mem::replace(version, newest) != newest) {
                    // The version first, then the wake-up: see `Store::publish`.
                    self.changed();
                }
            }
            Err(error) => tracing::error!(%error, "cannot read the newest configuration version"),
        }
    }
}
